-- GET /health/live: the server's cheapest answer, the baseline of the same run.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
