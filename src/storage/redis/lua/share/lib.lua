--[[ Shared by every share-partition script: scripts.ts prepends this file to each of them.
  State is kept per run: a run is a range of consecutive offsets in one state that were always handed out and
  acknowledged together (an acquire of new records makes one run; an acknowledgement of part of a run splits it
  first). Acquiring and accepting a batch of a thousand records is then a few commands, not a few per record.
  One share-partition (a share group's view of one topic-partition) is nine keys with the partition's hash tag:
  KEYS[1] meta hash: s = start offset (SPSO), e = end offset (SPEO), l = last lease token, q = ACQUIRED records,
          f = state format (2 = runs; a share-partition without it is upgraded by upgrade() below)
  KEYS[2] runs hash: first offset -> msgpack {state, count, member, deadline, token, due, failure member,
          failure reason, failed at, failure outcome, attempts, last offset}: AVAILABLE ('V'), ACQUIRED ('Q'),
          ACKNOWLEDGED ('A'), ARCHIVED ('X'). Attempts are a flat list of (member, acquired at, finished at,
          outcome, reason), the newest last. Every offset of [s, e) is in one run; an offset in none is
          ACKNOWLEDGED (accepted runs below the lowest unfinished one are not written: the start passes them).
  KEYS[3] unfinished zset: AVAILABLE and ACQUIRED runs, scored by first offset (the lowest bounds the start)
  KEYS[4] archived zset: ARCHIVED runs, scored by first offset
  KEYS[5] locks zset: ACQUIRED runs scored by lock deadline
  KEYS[6] delays zset: delayed AVAILABLE runs scored by the time they become due
  KEYS[7] ready zset: due AVAILABLE runs (redeliveries), scored by first offset
  KEYS[8] held hash: member -> ACQUIRED records
  KEYS[9] index zset: the first offset of every run, so the run holding an offset is one lookup away
  Runs are named by their first offset in every zset. Time is Redis's (TIME), so servers with skewed clocks agree
  on every deadline. ]]
local K_META, K_REC, K_UNF, K_ARC, K_LOCK, K_DELAY, K_READY, K_HELD, K_RUNS =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8], KEYS[9]

-- Run fields.
local ST, CNT, MEM, DL, TOK, DUE, FM, FR, FA, FO, ATT, LAST = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
local FORMAT = '2'

local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function meta_num(field)
  return tonumber(redis.call('HGET', K_META, field) or '0')
end

-- The run starting at o (a number), or nil.
local function get(o)
  local v = redis.call('HGET', K_REC, o)
  if not v then return nil end
  return cmsgpack.unpack(v)
end

local function put(o, r)
  redis.call('HSET', K_REC, o, cmsgpack.pack(r))
end

local function size(o, r)
  return r[LAST] - o + 1
end

-- Format 1 kept one entry per offset, without a last offset and without the index: each becomes a run of one.
-- Runs on the first touch of a share-partition after an upgrade; stop every server of the old version first.
local function upgrade()
  local f = redis.call('HGET', K_META, 'f')
  if f == FORMAT or f == false and redis.call('EXISTS', K_META) == 0 then return end
  local keys = redis.call('HKEYS', K_REC)
  for _, k in ipairs(keys) do
    local o = tonumber(k)
    local r = get(o)
    r[LAST] = o
    put(o, r)
    redis.call('ZADD', K_RUNS, o, o)
  end
  redis.call('HSET', K_META, 'f', FORMAT)
end
upgrade()

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

-- The run holding offset o: its first offset and fields, or nil (ACKNOWLEDGED, or outside [s, e)).
local function run_at(o)
  local hit = redis.call('ZREVRANGEBYSCORE', K_RUNS, o, '-inf', 'LIMIT', 0, 1)
  if #hit == 0 then return nil end
  local first = tonumber(hit[1])
  local r = get(first)
  if r == nil or r[LAST] < o then return nil end
  return first, r
end

-- Adds a run to the zsets of its state (and the index).
local function index(o, r)
  redis.call('ZADD', K_RUNS, o, o)
  local st = r[ST]
  if st == 'V' then
    redis.call('ZADD', K_UNF, o, o)
    if r[DUE] > 0 then redis.call('ZADD', K_DELAY, r[DUE], o) else redis.call('ZADD', K_READY, o, o) end
  elseif st == 'Q' then
    redis.call('ZADD', K_UNF, o, o)
    redis.call('ZADD', K_LOCK, r[DL], o)
  elseif st == 'X' then
    redis.call('ZADD', K_ARC, o, o)
  end
end

local function copy(list)
  local out = {}
  for i, v in ipairs(list) do out[i] = v end
  return out
end

-- Makes o the first offset of a run: the run holding it (if it starts before o) is cut in two, each half with
-- the whole run's state and history.
local function split(o)
  local first, r = run_at(o)
  if first == nil or first == o then return end
  local tail = copy(r)
  tail[ATT] = copy(r[ATT] or {})
  tail[LAST] = r[LAST]
  r[LAST] = o - 1
  put(first, r)
  put(o, tail)
  index(o, tail)
end

-- A new attempt (acquisition) of the run; only the newest `kept` attempts stay.
local function start_attempt(r, member, now, kept)
  local att = r[ATT] or {}
  for _, v in ipairs({ member, now, 0, 'IN_PROGRESS', '' }) do table.insert(att, v) end
  while #att > kept * 5 do
    for _ = 1, 5 do table.remove(att, 1) end
  end
  r[ATT] = att
end

-- The run's attempt in progress ends with `outcome`.
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

-- An ACQUIRED run stops being held (before it changes state).
local function unhold(o, r)
  hold(r[MEM], -size(o, r))
  redis.call('ZREM', K_LOCK, o)
end

-- A terminal state (ACKNOWLEDGED or ARCHIVED): no holder, lock, due time or pending failure any more.
local function finish(r, state)
  r[ST] = state
  r[MEM] = ''
  r[DL] = 0
  r[TOK] = 0
  r[DUE] = 0
  r[FM] = ''
  r[FR] = ''
  r[FA] = 0
  r[FO] = ''
end

-- Terminal: ARCHIVED. Each record is reported in `out` for the dead-letter topic as
-- {offset, count, cause, reason, member}.
local function archive(o, r, cause, last_reason, member, out)
  finish(r, 'X')
  put(o, r)
  redis.call('ZREM', K_UNF, o)
  redis.call('ZREM', K_READY, o)
  redis.call('ZREM', K_DELAY, o)
  redis.call('ZADD', K_ARC, o, o)
  for x = o, r[LAST] do table.insert(out, { x, r[CNT], cause, last_reason or '', member or '' }) end
end

-- RELEASE, lock expiry, member leave of an ACQUIRED run: AVAILABLE again (after `delay` ms), or ARCHIVED at
-- the delivery limit.
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
  local changed = 0
  for _, k in ipairs(due) do
    local o = tonumber(k)
    local r = get(o)
    changed = changed + size(o, r)
    give_back(o, r, 'EXPIRED', '', backoff(c, r[CNT]), now, c, out)
  end
  return changed
end

-- Delayed runs whose time has come become due.
local function promote(now)
  local due = redis.call('ZRANGEBYSCORE', K_DELAY, '-inf', now)
  for _, k in ipairs(due) do
    local o = tonumber(k)
    local r = get(o)
    r[DUE] = 0
    put(o, r)
    redis.call('ZADD', K_READY, o, o)
  end
  if #due > 0 then redis.call('ZREMRANGEBYSCORE', K_DELAY, '-inf', now) end
end

-- Deletes the runs named in `firsts`, in chunks so no command gets too many arguments.
local function delete_runs(firsts)
  for i = 1, #firsts, 500 do
    local j = math.min(#firsts, i + 499)
    redis.call('HDEL', K_REC, unpack(firsts, i, j))
    redis.call('ZREM', K_RUNS, unpack(firsts, i, j))
  end
end

-- The start offset moves up to the lowest unfinished run (or the end); the runs it passes (ACKNOWLEDGED or
-- ARCHIVED) go.
local function advance()
  local s = meta_num('s')
  local e = meta_num('e')
  local lowest = redis.call('ZRANGE', K_UNF, 0, 0, 'WITHSCORES')
  local ns = e
  if #lowest > 0 then ns = tonumber(lowest[2]) end
  if ns <= s then return end
  delete_runs(redis.call('ZRANGEBYSCORE', K_RUNS, '-inf', '(' .. ns))
  redis.call('ZREMRANGEBYSCORE', K_ARC, '-inf', '(' .. ns)
  redis.call('HSET', K_META, 's', ns)
end

-- The log's start offset moved past the share-partition's (retention): records below `start` are forgotten,
-- in-flight ones dropped. Returns 1 when the start moved, else 0.
local function advance_start(start)
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
