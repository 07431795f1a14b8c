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

-- Nil when the member holds every record of [first, last], else { code, message }.
local function refusal(first, last, token)
  local s = meta_num('s')
  local e = meta_num('e')
  if first < s then
    return { 'INVALID_RECORD_STATE', string.format('offset %d is below the start offset %d: it is finished or was removed', first, s) }
  end
  for o = first, math.min(last, e - 1) do
    local r = get(o)
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
  local refused = refusal(first, last, token)
  if refused then
    table.insert(results, { refused[1], refused[2], 0, {} })
  else
    local archived = {}
    local deadline = 0
    if kind == 'RENEW' then deadline = now + c.lock end
    for o = first, last do
      local r = get(o)
      if kind == 'RENEW' then
        r[DL] = deadline
        put(o, r)
        redis.call('ZADD', K_LOCK, deadline, o)
      elseif kind == 'ACCEPT' then
        unhold(o, r)
        finish_attempt(r, 'ACCEPTED', '', now)
        put(o, { 'A', r[CNT], '', 0, 0, 0, '', '', 0, '', r[ATT] })
        redis.call('ZREM', K_UNF, o)
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
    table.insert(results, { '', '', deadline, flat_archived(archived) })
  end
end
flush_counters()
advance()
if gave_back then announce(ARGV[8], ARGV[9]) end
return { results, flat_archived(lazily) }
