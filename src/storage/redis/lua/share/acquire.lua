--[[ Acquires up to max records for a member: overdue locks are given back first, then due AVAILABLE records
  of the window (lowest offsets first; those at the delivery limit are archived instead), then new records from
  the end offset up to the log end offset. One lease token and one lock deadline for the whole call.
  ARGV[1] member, ARGV[2] max records, ARGV[3] log end offset, ARGV[4..9] config, ARGV[10] channel, ARGV[11] group
  Output: { batches, archived, expired } where batches is a flat list of
  (first, last, count, token, deadline, failure member, failure reason, failed at, failure outcome) ]]
local member = ARGV[1]
local max = tonumber(ARGV[2])
local log_end = tonumber(ARGV[3])
local c = config(4)
local now = now_ms()
local archived = {}
local expired = expire_locks(now, c, archived)
promote(now)

local budget = math.min(max, c.inflight - (meta_num('q') + acquired_delta))
local token = meta_num('l') + 1
local deadline = now + c.lock
local pieces = {}

local function take(o, r)
  r[ST] = 'Q'
  r[CNT] = r[CNT] + 1
  r[MEM] = member
  r[DL] = deadline
  r[TOK] = token
  r[DUE] = 0
  start_attempt(r, member, now, c.attempts_kept)
  put(o, r)
  redis.call('ZADD', K_LOCK, deadline, o)
  table.insert(pieces, { tonumber(o), r[CNT], r[FM], r[FR], r[FA], r[FO] })
end

-- Redeliveries.
while budget > 0 do
  local offsets = redis.call('ZRANGE', K_READY, 0, math.min(budget, 200) - 1)
  if #offsets == 0 then break end
  redis.call('ZREM', K_READY, unpack(offsets))
  for _, o in ipairs(offsets) do
    local r = get(o)
    if r[CNT] >= c.limit then
      archive(o, r, 'DELIVERY_LIMIT', r[FR], r[FM], archived)
    else
      take(o, r)
      budget = budget - 1
    end
  end
end

-- New records, in chunks so no command gets too many arguments.
local e = meta_num('e')
if budget > 0 and e < log_end then
  local last = math.min(log_end - 1, e + budget - 1)
  local fresh = cmsgpack.pack({ 'Q', 1, member, deadline, token, 0, '', '', 0, '', { member, now, 0, 'IN_PROGRESS', '' } })
  local o = e
  while o <= last do
    local stop = math.min(last, o + 199)
    local recs, unf, locks = {}, {}, {}
    for x = o, stop do
      table.insert(recs, x)
      table.insert(recs, fresh)
      table.insert(unf, x)
      table.insert(unf, x)
      table.insert(locks, deadline)
      table.insert(locks, x)
    end
    redis.call('HSET', K_REC, unpack(recs))
    redis.call('ZADD', K_UNF, unpack(unf))
    redis.call('ZADD', K_LOCK, unpack(locks))
    o = stop + 1
  end
  table.insert(pieces, { e, 1, '', '', 0, '', last })
  redis.call('HSET', K_META, 'e', last + 1)
  hold(member, last - e + 1)
  budget = budget - (last - e + 1)
end

-- Contiguous pieces with the same count and previous failure form one batch.
local batches = {}
local n = 0
if #pieces > 0 then
  redis.call('HSET', K_META, 'l', token)
  local prev = nil
  for _, p in ipairs(pieces) do
    local first = p[1]
    local last = p[7] or p[1]
    if p[7] == nil then hold(member, 1) end
    if prev ~= nil and batches[n - 7] + 1 == first and prev[2] == p[2] and prev[3] == p[3] and prev[4] == p[4]
      and prev[5] == p[5] and prev[6] == p[6] then
      batches[n - 7] = last
    else
      for _, v in ipairs({ first, last, p[2], token, deadline, p[3], p[4], p[5], p[6] }) do
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
