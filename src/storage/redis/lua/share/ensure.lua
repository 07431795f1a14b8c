--[[ Creates the share-partition starting at ARGV[1] unless it exists. Output: 1 when created, else 0. ]]
if redis.call('EXISTS', K_META) == 1 then return 0 end
redis.call('HSET', K_META, 's', ARGV[1], 'e', ARGV[1], 'l', 0, 'q', 0, 'f', FORMAT)
return 1
