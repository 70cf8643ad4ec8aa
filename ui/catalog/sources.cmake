# Catalog panel: the AI-service catalog with search, filters and eligibility (ui/catalog)
target_sources(haip_ui PRIVATE
    catalog/CatalogDelegate.cpp catalog/CatalogDelegate.h
    catalog/CatalogFilterModel.cpp catalog/CatalogFilterModel.h
    catalog/CatalogModel.cpp catalog/CatalogModel.h
    catalog/CatalogPanel.cpp catalog/CatalogPanel.h
)
