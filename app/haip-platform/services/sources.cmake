target_sources(haip_services PRIVATE services/ServiceBundle.h)
