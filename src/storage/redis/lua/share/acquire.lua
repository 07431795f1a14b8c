--[[ Acquires up to max records for a member: overdue locks are given back first, then due AVAILABLE runs of the
  window (lowest offsets first; runs at the delivery limit are archived instead), then new records from the end
  offset up to the log end offset, as one run. One lease token and one lock deadline for the whole call.
  ARGV[1] member, ARGV[2] max records, ARGV[3] log end offset, ARGV[4..9] config, ARGV[10] channel, ARGV[11] group
  A negative log end offset: the log's bounds are read here, from KEYS[10] (the partition's log meta hash, in the
  same slot), and the start moves past records retention removed first (advance_start), so the caller needs no
  round trips of its own for them. A partition without a log meta hash (never appended to, or its topic deleted)
  hands out nothing.
  Output: { batches, archived, expired } where batches is a flat list of
  (first, last, count, token, deadline, failure member, failure reason, failed at, failure outcome) ]]
-- State another server dropped (its topic was deleted) before this server heard of it: hand out nothing and write
-- nothing, so no state appears outside the group's list of share-partitions.
if redis.call('EXISTS', K_META) == 0 then return { {}, {}, 0 } end
local member = ARGV[1]
local max = tonumber(ARGV[2])
local log_end = tonumber(ARGV[3])
if log_end < 0 then
  local bounds = redis.call('HMGET', KEYS[10], 'next', 'start')
  if not bounds[1] then return { {}, {}, 0 } end
  log_end = tonumber(bounds[1])
  advance_start(tonumber(bounds[2] or '0'))
end
local c = config(4)
local now = now_ms()
local archived = {}
local expired = expire_locks(now, c, archived)
promote(now)

local budget = math.min(max, c.inflight - (meta_num('q') + acquired_delta))
local token = meta_num('l') + 1
local deadline = now + c.lock
-- Per run handed out: { first, last, count, failure member, failure reason, failed at, failure outcome }
local pieces = {}

-- Redeliveries: due runs, lowest first; a run longer than the budget is split and its tail stays due.
while budget > 0 do
  local firsts = redis.call('ZRANGE', K_READY, 0, 49)
  if #firsts == 0 then break end
  for _, k in ipairs(firsts) do
    if budget <= 0 then break end
    local o = tonumber(k)
    local r = get(o)
    if r[CNT] >= c.limit then
      archive(o, r, 'DELIVERY_LIMIT', r[FR], r[FM], archived)
    else
      if size(o, r) > budget then
        split(o + budget)
        r[LAST] = o + budget - 1
      end
      redis.call('ZREM', K_READY, o)
      r[ST] = 'Q'
      r[CNT] = r[CNT] + 1
      r[MEM] = member
      r[DL] = deadline
      r[TOK] = token
      r[DUE] = 0
      start_attempt(r, member, now, c.attempts_kept)
      put(o, r)
      redis.call('ZADD', K_LOCK, deadline, o)
      hold(member, size(o, r))
      budget = budget - size(o, r)
      table.insert(pieces, { o, r[LAST], r[CNT], r[FM], r[FR], r[FA], r[FO] })
    end
  end
end

-- New records: one run from the end offset.
local e = meta_num('e')
if budget > 0 and e < log_end then
  local last = math.min(log_end - 1, e + budget - 1)
  put(e, { 'Q', 1, member, deadline, token, 0, '', '', 0, '', { member, now, 0, 'IN_PROGRESS', '' }, last })
  redis.call('ZADD', K_RUNS, e, e)
  redis.call('ZADD', K_UNF, e, e)
  redis.call('ZADD', K_LOCK, deadline, e)
  redis.call('HSET', K_META, 'e', last + 1)
  hold(member, last - e + 1)
  table.insert(pieces, { e, last, 1, '', '', 0, '' })
end

-- Contiguous pieces with the same count and previous failure form one batch.
local batches = {}
local n = 0
if #pieces > 0 then
  redis.call('HSET', K_META, 'l', token)
  table.sort(pieces, function(a, b) return a[1] < b[1] end)
  local prev = nil
  for _, p in ipairs(pieces) do
    if prev ~= nil and batches[n - 7] + 1 == p[1] and prev[3] == p[3] and prev[4] == p[4] and prev[5] == p[5]
      and prev[6] == p[6] and prev[7] == p[7] then
      batches[n - 7] = p[2]
    else
      for _, v in ipairs({ p[1], p[2], p[3], token, deadline, p[4], p[5], p[6], p[7] }) do
        n = n + 1
        batches[n] = v
      end
    end
    prev = p
  end
end
flush_counters()
advance()
if expired > 0 then announce(ARGV[10], ARGV[11]) end
return { batches, flat_archived(archived), expired }
