"""The checking service (``paimai serve``): a web page and an HTTP API over the same checker
as ``paimai check``.

:mod:`.packet` checks one uploaded packet (a pure function of its bytes, importable without
the web framework, so Dask workers run it); :mod:`.app` is the FastAPI application (the
``serve`` extra). See ``docs/service.md``.
"""
