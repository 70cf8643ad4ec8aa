# core/auth sources: the clinician's login and the session's lock.
target_sources(haip_core PRIVATE
    auth/AuthPolicy.cpp auth/AuthPolicy.h
    auth/CardIdentity.cpp auth/CardIdentity.h
    auth/CardLogin.cpp auth/CardLogin.h
    auth/CardThread.cpp auth/CardThread.h
    auth/SessionGuard.cpp auth/SessionGuard.h
    auth/TokenCardSigner.cpp auth/TokenCardSigner.h
)
