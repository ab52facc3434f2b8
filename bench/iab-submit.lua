-- wrk script: one multipart JPEG submission per request, each with the next unused user token
-- from TOKENS_FILE (starting after line TOKEN_OFFSET), since a flow takes one photo at a time.
local tokens = {}
for line in io.lines(os.getenv("TOKENS_FILE")) do
  tokens[#tokens + 1] = line
end
local index = tonumber(os.getenv("TOKEN_OFFSET") or "0")
local file = io.open(os.getenv("IMAGE_FILE"), "rb")
local image = file:read("*a")
file:close()
local boundary = "----ktp-bench-boundary"
local body = "--" .. boundary .. "\r\n"
  .. 'Content-Disposition: form-data; name="image"; filename="card.jpg"\r\n'
  .. "Content-Type: image/jpeg\r\n\r\n" .. image .. "\r\n--" .. boundary .. "--\r\n"
local contentType = "multipart/form-data; boundary=" .. boundary
if os.getenv("RAW_BODY") == "1" then
  -- The raw-body variant of the same endpoint (Content-Type: image/jpeg), for comparison.
  body = image
  contentType = "image/jpeg"
end

-- RATE (requests per second, all connections together) paces the requests; unset or 0 sends as
-- fast as the connections allow. Pacing measures latency at a given load instead of at saturation.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } ktp_timespec;
  int clock_gettime(int clock, ktp_timespec *ts);
]]
local clock = ffi.new("ktp_timespec")
local function nowMs()
  ffi.C.clock_gettime(1, clock)
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end
local rate = tonumber(os.getenv("RATE") or "0")
local nextAt = 0

if rate > 0 then
  delay = function()
    local now = nowMs()
    if nextAt < now then
      nextAt = now
    end
    local wait = nextAt - now
    nextAt = nextAt + 1000 / rate
    return wait
  end
end

request = function()
  index = index + 1
  local token = tokens[index] or tokens[#tokens]
  return wrk.format("POST", "/v1/ktp-scan/submissions",
    { ["Content-Type"] = contentType, ["Authorization"] = "Bearer " .. token }, body)
end

-- The first few refusals are written to FAILURES_FILE, so a failed run says why.
local failures = 0
local failureLog = os.getenv("FAILURES_FILE") and io.open(os.getenv("FAILURES_FILE"), "a")
response = function(status, headers, responseBody)
  if status ~= 202 and failureLog and failures < 20 then
    failures = failures + 1
    failureLog:write(status, " ", responseBody, "\n")
    failureLog:flush()
  end
end
