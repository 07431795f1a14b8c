--[[ Raises a topic's partition count (never lowers it).
  KEYS[1] topics hash
  ARGV[1] topic name, ARGV[2] new partition count
  Output: the topic's JSON after the change, or error "TOPIC_NOT_FOUND" / "SHRINK <current>" ]]
local json = redis.call('HGET', KEYS[1], ARGV[1])
if not json then return redis.error_reply('TOPIC_NOT_FOUND') end
local topic = cjson.decode(json)
local wanted = tonumber(ARGV[2])
if wanted < topic['partitions'] then return redis.error_reply('SHRINK ' .. topic['partitions']) end
topic['partitions'] = wanted
local encoded = cjson.encode(topic)
redis.call('HSET', KEYS[1], ARGV[1], encoded)
return encoded
