# Web view: the locked-down QtWebEngine view for detail pages and reports (ui/web)
target_sources(haip_ui PRIVATE
    web/ContentSchemeHandler.cpp web/ContentSchemeHandler.h
    web/LocalOnlyInterceptor.cpp web/LocalOnlyInterceptor.h
    web/SafeWebPage.cpp web/SafeWebPage.h
    web/SafeWebProfile.cpp web/SafeWebProfile.h
    web/SafeWebView.cpp web/SafeWebView.h
)
