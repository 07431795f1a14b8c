--[[ Admin reset (the caller guarantees no members): all record state cleared, start = end = ARGV[1].
  The lease counter survives, so tokens never repeat. ]]
redis.call('DEL', K_REC, K_UNF, K_ARC, K_LOCK, K_DELAY, K_READY, K_HELD, K_RUNS)
redis.call('HSET', K_META, 's', ARGV[1], 'e', ARGV[1], 'q', 0)
return 1
