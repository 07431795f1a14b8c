--[[ Compare-and-set of a group's membership state.
  KEYS[1] hash: v = version, s = state (JSON)
  ARGV[1] expected version (0 = nothing stored yet), ARGV[2] new state ('' deletes), ARGV[3] change channel
  Output: the new version, or -1 when the stored version is not the expected one ]]
local version = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if version ~= tonumber(ARGV[1]) then return -1 end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
else
  redis.call('HSET', KEYS[1], 'v', version + 1, 's', ARGV[2])
end
redis.call('PUBLISH', ARGV[3], KEYS[1])
return version + 1
