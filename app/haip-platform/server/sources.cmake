target_sources(haip_platform_server PRIVATE server/README.md)
