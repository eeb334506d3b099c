-- One token bucket per key, shared by every gateway replica (same rule as InMemoryRateLimiter).
-- KEYS[1]: the bucket; ARGV[1]: burst (bucket size); ARGV[2]: tokens regained per millisecond.
-- Returns {1, 0} when a token was taken, {0, milliseconds until one is available} otherwise.
-- Redis' own clock is used, so replicas with skewed clocks still agree.
local burst = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = burst
  at = now
end
tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
-- a bucket left alone until full again is the same as no bucket
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
return {allowed, wait}
