--[[ Shared by every share-partition script: scripts.ts prepends this file to each of them.
  One share-partition (a share group's view of one topic-partition) is eight keys with the partition's hash tag:
  KEYS[1] meta hash: s = start offset (SPSO), e = end offset (SPEO), l = last lease token, q = ACQUIRED records
  KEYS[2] records hash: offset -> msgpack {state, count, member, deadline, token, due, failure member,
          failure reason, failed at, failure outcome, attempts} for every record of [s, e): AVAILABLE ('V'),
          ACQUIRED ('Q'), ACKNOWLEDGED ('A'), ARCHIVED ('X'). Attempts are a flat list of (member, acquired at,
          finished at, outcome, reason), the newest last. Entries go when the start offset passes them.
  KEYS[3] unfinished zset: AVAILABLE and ACQUIRED offsets of [s, e) (the lowest one bounds the start offset)
  KEYS[4] archived zset: ARCHIVED offsets of [s, e)
  KEYS[5] locks zset: ACQUIRED offsets scored by lock deadline
  KEYS[6] delays zset: delayed AVAILABLE offsets scored by the time they become due
  KEYS[7] ready zset: due AVAILABLE offsets of [s, e) (redeliveries), scored by offset
  KEYS[8] held hash: member -> ACQUIRED records
  Time is Redis's (TIME), so servers with skewed clocks agree on every deadline. ]]
local K_META, K_REC, K_UNF, K_ARC, K_LOCK, K_DELAY, K_READY, K_HELD =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8]

-- Record fields.
local ST, CNT, MEM, DL, TOK, DUE, FM, FR, FA, FO, ATT = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11

local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function meta_num(field)
  return tonumber(redis.call('HGET', K_META, field) or '0')
end

local function get(o)
  local v = redis.call('HGET', K_REC, o)
  if not v then return nil end
  return cmsgpack.unpack(v)
end

local function put(o, r)
  redis.call('HSET', K_REC, o, cmsgpack.pack(r))
end

-- The group config the TypeScript side passes as six numbers.
local function config(first)
  return {
    lock = tonumber(ARGV[first]),
    limit = tonumber(ARGV[first + 1]),
    inflight = tonumber(ARGV[first + 2]),
    backoff_initial = tonumber(ARGV[first + 3]),
    backoff_max = tonumber(ARGV[first + 4]),
    attempts_kept = tonumber(ARGV[first + 5]),
  }
end

-- A new attempt (acquisition) of the record; only the newest `kept` attempts stay.
local function start_attempt(r, member, now, kept)
  local att = r[ATT] or {}
  for _, v in ipairs({ member, now, 0, 'IN_PROGRESS', '' }) do table.insert(att, v) end
  while #att > kept * 5 do
    for _ = 1, 5 do table.remove(att, 1) end
  end
  r[ATT] = att
end

-- The record's attempt in progress ends with `outcome`.
local function finish_attempt(r, outcome, reason, now)
  local att = r[ATT]
  if att == nil or #att < 5 or att[#att - 1] ~= 'IN_PROGRESS' then return end
  att[#att - 2] = now
  att[#att - 1] = outcome
  att[#att] = reason
end

-- Redelivery delay after the given delivery: initial * 2^(count-1), capped (src/ack-tracker/config.ts).
local function backoff(c, count)
  if c.backoff_initial <= 0 then return 0 end
  return math.min(c.backoff_max, c.backoff_initial * 2 ^ math.min(math.max(0, count - 1), 52))
end

-- Counters of ACQUIRED records, changed in memory and written once per script.
local held_delta = {}
local acquired_delta = 0
local function hold(member, n)
  held_delta[member] = (held_delta[member] or 0) + n
  acquired_delta = acquired_delta + n
end
local function flush_counters()
  for member, n in pairs(held_delta) do
    if n ~= 0 and redis.call('HINCRBY', K_HELD, member, n) <= 0 then redis.call('HDEL', K_HELD, member) end
  end
  held_delta = {}
  if acquired_delta ~= 0 then redis.call('HINCRBY', K_META, 'q', acquired_delta) end
  acquired_delta = 0
end

-- An ACQUIRED record stops being held (before it changes state).
local function unhold(o, r)
  hold(r[MEM], -1)
  redis.call('ZREM', K_LOCK, o)
end

-- Terminal: ARCHIVED, reported in `out` for the dead-letter topic as {offset, count, cause, reason, member}.
local function archive(o, r, cause, last_reason, member, out)
  r[ST] = 'X'
  r[MEM] = ''
  r[DL] = 0
  r[TOK] = 0
  r[DUE] = 0
  r[FM] = ''
  r[FR] = ''
  r[FA] = 0
  r[FO] = ''
  put(o, r)
  redis.call('ZREM', K_UNF, o)
  redis.call('ZREM', K_READY, o)
  redis.call('ZREM', K_DELAY, o)
  redis.call('ZADD', K_ARC, o, o)
  table.insert(out, { o, r[CNT], cause, last_reason or '', member or '' })
end

-- RELEASE, lock expiry, member leave: AVAILABLE again (after `delay` ms), or ARCHIVED at the delivery limit.
local function give_back(o, r, outcome, reason, delay, now, c, out)
  local member = r[MEM]
  unhold(o, r)
  finish_attempt(r, outcome, reason, now)
  if r[CNT] >= c.limit then
    local last_reason = reason
    if last_reason == '' then last_reason = r[FR] end
    archive(o, r, 'DELIVERY_LIMIT', last_reason, member, out)
    return
  end
  r[ST] = 'V'
  r[MEM] = ''
  r[DL] = 0
  r[TOK] = 0
  r[FM] = member
  r[FR] = reason
  r[FA] = now
  r[FO] = outcome
  if delay > 0 then
    r[DUE] = now + delay
    redis.call('ZADD', K_DELAY, r[DUE], o)
  else
    r[DUE] = 0
    redis.call('ZADD', K_READY, o, o)
  end
  put(o, r)
end

-- Gives back every lock whose deadline is <= now; returns how many records changed.
local function expire_locks(now, c, out)
  local due = redis.call('ZRANGEBYSCORE', K_LOCK, '-inf', now)
  for _, o in ipairs(due) do
    local r = get(o)
    give_back(o, r, 'EXPIRED', '', backoff(c, r[CNT]), now, c, out)
  end
  return #due
end

-- Delayed records whose time has come become due.
local function promote(now)
  local due = redis.call('ZRANGEBYSCORE', K_DELAY, '-inf', now)
  for _, o in ipairs(due) do
    local r = get(o)
    r[DUE] = 0
    put(o, r)
    redis.call('ZADD', K_READY, o, o)
  end
  if #due > 0 then redis.call('ZREMRANGEBYSCORE', K_DELAY, '-inf', now) end
end

-- Deletes the record entries of [from, to), in chunks so no command gets too many arguments.
local function delete_entries(from, to)
  local o = from
  while o < to do
    local fields = {}
    for x = o, math.min(to - 1, o + 499) do table.insert(fields, x) end
    redis.call('HDEL', K_REC, unpack(fields))
    o = o + 500
  end
end

-- The start offset moves up to the lowest unfinished record (or the end); archived records below it go.
local function advance()
  local s = meta_num('s')
  local e = meta_num('e')
  local lowest = redis.call('ZRANGE', K_UNF, 0, 0, 'WITHSCORES')
  local ns = e
  if #lowest > 0 then ns = tonumber(lowest[2]) end
  if ns <= s then return end
  -- Everything passed is ACKNOWLEDGED or ARCHIVED.
  delete_entries(s, ns)
  redis.call('ZREMRANGEBYSCORE', K_ARC, '-inf', '(' .. ns)
  redis.call('HSET', K_META, 's', ns)
end

-- Tells every server that records of the group may be acquirable again.
local function announce(channel, group)
  redis.call('PUBLISH', channel, group)
end

local function flat_archived(list)
  local out = {}
  for _, a in ipairs(list) do
    for _, v in ipairs(a) do table.insert(out, v) end
  end
  return out
end

