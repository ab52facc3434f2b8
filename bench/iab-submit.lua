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
