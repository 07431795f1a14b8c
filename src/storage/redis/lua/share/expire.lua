--[[ The periodic sweep: gives back overdue locks and promotes delayed records whose time has come.
  ARGV[1..6] config, ARGV[7] channel, ARGV[8] group
  Output: { records changed, archived, next deadline or -1 } ]]
local c = config(1)
local now = now_ms()
local archived = {}
local changed = expire_locks(now, c, archived)
local promoted = redis.call('ZCOUNT', K_DELAY, '-inf', now)
promote(now)
flush_counters()
advance()
if changed + promoted > 0 then announce(ARGV[7], ARGV[8]) end
local next = -1
for _, key in ipairs({ K_LOCK, K_DELAY }) do
  local first = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  if #first > 0 and (next < 0 or tonumber(first[2]) < next) then next = tonumber(first[2]) end
end
return { changed, flat_archived(archived), next }
