# core/workflow sources: sending a series to an AI service and filing its result.
target_sources(haip_core PRIVATE
    workflow/AnalysisJob.cpp workflow/AnalysisJob.h
    workflow/JobEnvironment.h
    workflow/JobQueue.cpp workflow/JobQueue.h
    workflow/JobRunner.cpp workflow/JobRunner.h
    workflow/JobStore.cpp workflow/JobStore.h
    workflow/PayloadBuilder.cpp workflow/PayloadBuilder.h
    workflow/ResultFiler.cpp workflow/ResultFiler.h
)
