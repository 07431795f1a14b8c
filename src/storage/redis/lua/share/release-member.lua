--[[ Gives back everything a member holds (outcome MEMBER_LEFT): AVAILABLE again, or ARCHIVED at the limit.
  ARGV[1] member, ARGV[2..7] config, ARGV[8] channel, ARGV[9] group
  Output: { released records, archived } ]]
local member = ARGV[1]
local c = config(2)
local now = now_ms()
local archived = {}
local released = 0
if redis.call('HEXISTS', K_HELD, member) == 1 then
  for _, k in ipairs(redis.call('ZRANGE', K_LOCK, 0, -1)) do
    local o = tonumber(k)
    local r = get(o)
    if r[MEM] == member then
      give_back(o, r, 'MEMBER_LEFT', '', 0, now, c, archived)
      if r[ST] == 'V' then released = released + size(o, r) end
    end
  end
end
flush_counters()
advance()
if released + #archived > 0 then announce(ARGV[8], ARGV[9]) end
return { released, flat_archived(archived) }
