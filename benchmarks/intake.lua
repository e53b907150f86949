-- POST /api/v1/applications as anna with ~2 KB of form data (service "laermbeschwerde").
local description = string.rep("Wiederholte Ruhestörung nachts durch laute Musik im Hinterhof. ", 29)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic YW5uYTphbm5h"
wrk.body = '{"serviceId":"laermbeschwerde","formData":{"address":{"street":"Hauptstraße 12",'
  .. '"postalCode":"12345","city":"Musterstadt"},"description":"' .. string.sub(description, 1, 1900)
  .. '","email":"anna.muster@example.org"}}'
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
