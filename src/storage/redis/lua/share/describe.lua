--[[ Start and end offsets and record counts of [start, end).
  Output: { start, end, available, acquired, acknowledged, archived, delayed } ]]
local now = now_ms()
local s = meta_num('s')
local e = meta_num('e')
local q = meta_num('q')
local unfinished = redis.call('ZCARD', K_UNF)
local archived = redis.call('ZCARD', K_ARC)
local delayed = redis.call('ZCOUNT', K_DELAY, '(' .. now, '+inf')
return { s, e, unfinished - q, q, (e - s) - unfinished - archived, archived, delayed }
