# core/platform sources (API client, catalog, jobs, upload), one block per area.

# API model shared by client and reference platform (problem documents, job states, catalog)
target_sources(haip_core PRIVATE
    platform/Problem.cpp
    platform/Problem.h
)
