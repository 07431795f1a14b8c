--[[ Start and end offsets and record counts of [start, end).
  Output: { start, end, available, acquired, acknowledged, archived, delayed } ]]
local now = now_ms()
local s = meta_num('s')
local e = meta_num('e')
local q = meta_num('q')

-- Records in the runs named by `firsts`.
local function records(firsts)
  local n = 0
  for _, k in ipairs(firsts) do
    local o = tonumber(k)
    n = n + size(o, get(o))
  end
  return n
end

local unfinished = records(redis.call('ZRANGE', K_UNF, 0, -1))
local archived = records(redis.call('ZRANGE', K_ARC, 0, -1))
local delayed = records(redis.call('ZRANGEBYSCORE', K_DELAY, '(' .. now, '+inf'))
return { s, e, unfinished - q, q, (e - s) - unfinished - archived, archived, delayed }
