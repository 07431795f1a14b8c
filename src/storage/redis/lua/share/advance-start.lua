--[[ The log's start offset moved past the share-partition's (retention): records below ARGV[1] are forgotten,
  in-flight ones dropped. Output: 1 when the start moved, else 0. ]]
local start = tonumber(ARGV[1])
local s = meta_num('s')
if start <= s then return 0 end
local below = '(' .. start
for _, o in ipairs(redis.call('ZRANGEBYSCORE', K_UNF, '-inf', below)) do
  local r = get(o)
  if r[ST] == 'Q' then unhold(o, r) end
end
delete_entries(s, math.min(start, meta_num('e')))
for _, key in ipairs({ K_UNF, K_ARC, K_READY }) do redis.call('ZREMRANGEBYSCORE', key, '-inf', below) end
-- Delays are scored by time, not offset: drop the entries of removed offsets one by one (unhold did the locks).
for _, d in ipairs(redis.call('ZRANGE', K_DELAY, 0, -1)) do
  if tonumber(d) < start then redis.call('ZREM', K_DELAY, d) end
end
flush_counters()
redis.call('HSET', K_META, 's', start)
if meta_num('e') < start then redis.call('HSET', K_META, 'e', start) end
advance()
return 1
