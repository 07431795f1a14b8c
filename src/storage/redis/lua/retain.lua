--[[ Deletes whole batches from the front of a partition past its retention; the start offset moves with them.
  The newest batch always stays, so the end offset is never lost.
  KEYS[1] meta hash, KEYS[2] log stream
  ARGV[1] delete batches whose max timestamp is below this (-1: no time limit)
  ARGV[2] keep at least this many bytes (-1: no size limit)
  Output: number of batches deleted ]]
local cutoff = tonumber(ARGV[1])
local keep = tonumber(ARGV[2])
local size = tonumber(redis.call('HGET', KEYS[1], 'size') or '0')
local deleted = 0
while true do
  local first = redis.call('XRANGE', KEYS[2], '-', '+', 'COUNT', 2)
  if #first < 2 then break end
  local id = first[1][1]
  local fields = first[1][2]
  local entry = {}
  for i = 1, #fields, 2 do entry[fields[i]] = fields[i + 1] end
  local bytes = string.len(entry['b'])
  local expired = cutoff >= 0 and tonumber(entry['t']) < cutoff
  local oversize = keep >= 0 and size - bytes >= keep
  if not expired and not oversize then break end
  redis.call('XDEL', KEYS[2], id)
  size = size - bytes
  local nextBase = tonumber(string.match(first[2][1], '^0%-(%d+)$')) - 1
  redis.call('HSET', KEYS[1], 'start', nextBase, 'size', size)
  deleted = deleted + 1
end
return deleted
