--[[ Appends one record batch to a partition, with idempotent-producer checks.
  KEYS[1] meta hash (next, start, size, born: when the first batch was appended, which tells a partition from
  an earlier one of the same name), KEYS[2] log stream, KEYS[3] producers hash
  ARGV[1] batch bytes (encoded with base offset 0; the entry id carries the real base)
  ARGV[2] record count, ARGV[3] max timestamp, ARGV[4] producer id ('' = none), ARGV[5] sequence
  ARGV[6] data channel, ARGV[7] sequences kept per producer
  Output: { base offset, 1 if duplicate else 0 } or error "OUT_OF_ORDER_SEQUENCE <last>" ]]
local count = tonumber(ARGV[2])
local producer = ARGV[4]
local sequence = tonumber(ARGV[5])
local entries = {}
if producer ~= '' then
  -- "sequence,base,count;..." oldest first; integers kept as text (cjson would round them above 1e14).
  local state = redis.call('HGET', KEYS[3], producer)
  if state then
    for s, b, c in string.gmatch(state, '(%-?%d+),(%d+),(%d+)') do
      table.insert(entries, { tonumber(s), tonumber(b), tonumber(c) })
    end
    for _, e in ipairs(entries) do
      if e[1] == sequence then return { e[2], 1 } end
    end
    local last = entries[#entries][1]
    if sequence < last then return redis.error_reply(string.format('OUT_OF_ORDER_SEQUENCE %d', last)) end
  end
end
local base = tonumber(redis.call('HGET', KEYS[1], 'next') or '0')
redis.call('XADD', KEYS[2], string.format('0-%d', base + 1), 'b', ARGV[1], 'n', count, 't', ARGV[3])
redis.call('HSET', KEYS[1], 'next', base + count)
redis.call('HSETNX', KEYS[1], 'start', 0)
if redis.call('HEXISTS', KEYS[1], 'born') == 0 then
  local t = redis.call('TIME')
  redis.call('HSET', KEYS[1], 'born', t[1] .. '.' .. t[2])
end
redis.call('HINCRBY', KEYS[1], 'size', string.len(ARGV[1]))
if producer ~= '' then
  table.insert(entries, { sequence, base, count })
  while #entries > tonumber(ARGV[7]) do table.remove(entries, 1) end
  local parts = {}
  for _, e in ipairs(entries) do table.insert(parts, string.format('%d,%d,%d', e[1], e[2], e[3])) end
  redis.call('HSET', KEYS[3], producer, table.concat(parts, ';'))
end
redis.call('PUBLISH', ARGV[6], base + count)
return { base, 0 }
