--[[ Applies acknowledgement ranges of one member, each atomically and independently; overdue locks are given
  back first. A range applies only when every record of it is ACQUIRED by the member (under the token, if given).
  ARGV[1] member, ARGV[2..7] config, ARGV[8] channel, ARGV[9] group, ARGV[10] number of ranges, then per range
  (first, last, type ACCEPT|RELEASE|REJECT|RENEW, release delay ms, reason, lease token or -1)
  Output: { results, lazily archived } where results holds per range { error code ('' = none), message,
  lock deadline (RENEW), archived } ]]
local member = ARGV[1]
local c = config(2)
local now = now_ms()
local lazily = {}
local gave_back = expire_locks(now, c, lazily) > 0
local quoted = cjson.encode(member)

-- The records of [first, last] inside the window, read with one HMGET per chunk (nil entries are ACKNOWLEDGED).
local function load(first, last)
  local out = {}
  local o = first
  while o <= last do
    local stop = math.min(last, o + 499)
    local fields = {}
    for x = o, stop do table.insert(fields, x) end
    local values = redis.call('HMGET', K_REC, unpack(fields))
    for i, v in ipairs(fields) do
      if values[i] then out[v] = cmsgpack.unpack(values[i]) end
    end
    o = stop + 1
  end
  return out
end

-- Nil when the member holds every record of [first, last] (given as `recs`), else { code, message }.
local function refusal(first, last, token, recs, s, e)
  if first < s then
    return { 'INVALID_RECORD_STATE', string.format('offset %d is below the start offset %d: it is finished or was removed', first, s) }
  end
  for o = first, math.min(last, e - 1) do
    local r = recs[o]
    local state = r and r[ST] or 'A'
    if state ~= 'Q' then
      local names = { V = 'AVAILABLE', A = 'ACKNOWLEDGED', X = 'ARCHIVED' }
      return { 'INVALID_RECORD_STATE', string.format('offset %d is %s, not acquired by member %s', o, names[state], quoted) }
    end
    if r[MEM] ~= member then
      return { 'INVALID_RECORD_STATE',
        string.format('offset %d is acquired by member %s, not %s', o, cjson.encode(r[MEM]), quoted) }
    end
    if token >= 0 and r[TOK] ~= token then
      return { 'STALE_LEASE_TOKEN', string.format('offset %d is held under lease token %d, not %d', o, r[TOK], token) }
    end
  end
  if last >= e then
    return { 'INVALID_RECORD_STATE', string.format('offset %d has not been acquired (end offset %d)', math.max(first, e), e) }
  end
  return nil
end

-- Writes of ACCEPT and RENEW, batched: one HSET and one ZREM/ZADD per chunk instead of per record. An accepted
-- record below the lowest unfinished one is about to be passed by the start offset (advance deletes its entry),
-- so only accepted records above it get an ACKNOWLEDGED entry: in the usual in-order case, none do.
local function flush_writes(puts, accepted, locks_removed, locks_added)
  for i = 1, #accepted, 500 do redis.call('ZREM', K_UNF, unpack(accepted, i, math.min(#accepted, i + 499))) end
  for i = 1, #locks_removed, 500 do redis.call('ZREM', K_LOCK, unpack(locks_removed, i, math.min(#locks_removed, i + 499))) end
  for i = 1, #locks_added, 1000 do redis.call('ZADD', K_LOCK, unpack(locks_added, i, math.min(#locks_added, i + 999))) end
  if #accepted > 0 then
    local lowest = redis.call('ZRANGE', K_UNF, 0, 0, 'WITHSCORES')
    local passed = meta_num('e')
    if #lowest > 0 then passed = tonumber(lowest[2]) end
    for _, o in ipairs(accepted) do
      if o >= passed then
        local r = puts.pending[o]
        table.insert(puts, o)
        table.insert(puts, cmsgpack.pack({ 'A', r[CNT], '', 0, 0, 0, '', '', 0, '', r[ATT] }))
      end
    end
  end
  for i = 1, #puts, 1000 do redis.call('HSET', K_REC, unpack(puts, i, math.min(#puts, i + 999))) end
end

local results = {}
local base = 11
for i = 1, tonumber(ARGV[10]) do
  local first = tonumber(ARGV[base])
  local last = tonumber(ARGV[base + 1])
  local kind = ARGV[base + 2]
  local delay = tonumber(ARGV[base + 3])
  local reason = ARGV[base + 4]
  local token = tonumber(ARGV[base + 5])
  base = base + 6
  local s = meta_num('s')
  local e = meta_num('e')
  local recs = {}
  if first >= s then recs = load(first, math.min(last, e - 1)) end
  local refused = refusal(first, last, token, recs, s, e)
  if refused then
    table.insert(results, { refused[1], refused[2], 0, {} })
  else
    local archived = {}
    local deadline = 0
    if kind == 'RENEW' then deadline = now + c.lock end
    local puts, accepted, locks_removed, locks_added = { pending = {} }, {}, {}, {}
    for o = first, last do
      local r = recs[o]
      if kind == 'RENEW' then
        r[DL] = deadline
        table.insert(puts, o)
        table.insert(puts, cmsgpack.pack(r))
        table.insert(locks_added, deadline)
        table.insert(locks_added, o)
      elseif kind == 'ACCEPT' then
        hold(r[MEM], -1)
        table.insert(locks_removed, o)
        finish_attempt(r, 'ACCEPTED', '', now)
        puts.pending[o] = r
        table.insert(accepted, o)
      elseif kind == 'REJECT' then
        unhold(o, r)
        finish_attempt(r, 'REJECTED', reason, now)
        local last_reason = reason
        if last_reason == '' then last_reason = r[FR] end
        archive(o, r, 'REJECTED', last_reason, member, archived)
        gave_back = true
      else
        local wait = delay
        if wait <= 0 then wait = backoff(c, r[CNT]) end
        give_back(o, r, 'RELEASED', reason, wait, now, c, archived)
        gave_back = true
      end
    end
    flush_writes(puts, accepted, locks_removed, locks_added)
    table.insert(results, { '', '', deadline, flat_archived(archived) })
  end
end
flush_counters()
advance()
if gave_back then announce(ARGV[8], ARGV[9]) end
return { results, flat_archived(lazily) }
