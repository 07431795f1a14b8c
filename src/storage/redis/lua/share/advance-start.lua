--[[ The log's start offset moved past the share-partition's (retention): records below ARGV[1] are forgotten,
  in-flight ones dropped. Output: 1 when the start moved, else 0. ]]
local start = tonumber(ARGV[1])
local s = meta_num('s')
if start <= s then return 0 end
split(start)
local gone = redis.call('ZRANGEBYSCORE', K_RUNS, '-inf', '(' .. start)
for _, k in ipairs(gone) do
  local o = tonumber(k)
  local r = get(o)
  if r[ST] == 'Q' then unhold(o, r) end
  -- Delays are scored by time, not offset.
  if r[ST] == 'V' and r[DUE] > 0 then redis.call('ZREM', K_DELAY, o) end
end
delete_runs(gone)
local below = '(' .. start
for _, key in ipairs({ K_UNF, K_ARC, K_READY }) do redis.call('ZREMRANGEBYSCORE', key, '-inf', below) end
flush_counters()
redis.call('HSET', K_META, 's', start)
if meta_num('e') < start then redis.call('HSET', K_META, 'e', start) end
advance()
return 1
