# Wisp in a container: the self-contained release archive (Wisp and a jlinked Java runtime, no JDK) on Debian
# slim, run as a non-root user in /work. The archive is built first, on Linux x64 (docs/release.md):
#
#   scripts/release.sh                       # dist/target/wisp-VERSION-linux-x64.tar.gz
#   docker build --build-arg WISP_VERSION=0.1.0 -t wisp:0.1.0 .
#   docker run --rm -v "$PWD:/work" wisp:0.1.0 validate playbooks/
#   docker run --rm -v "$PWD:/work" wisp:0.1.0 test --junit target/wisp-junit.xml playbooks/
#   docker run --rm -it --entrypoint sh wisp:0.1.0     # a shell in the image
#   docker run --rm -v "$PWD:/work" --user "$(id -u):$(id -g)" -e CADO_ACCESS_TOKEN \
#       wisp:0.1.0 run playbooks/x.yaml --assets assets.yaml
#
# The runtime is jlinked from the build machine's JDK, so the base image must offer the same C library or a newer
# one: the release is built on Debian 12 (bookworm), as this base is.
ARG WISP_VERSION

FROM debian:bookworm-slim AS unpack
ARG WISP_VERSION
# ADD unpacks a local tar.gz; renaming it here keeps a second copy out of the final image's layers
ADD dist/target/wisp-${WISP_VERSION}-linux-x64.tar.gz /opt/
RUN test -x /opt/wisp-${WISP_VERSION}/runtime/bin/java && mv /opt/wisp-${WISP_VERSION} /opt/wisp

FROM debian:bookworm-slim
ARG WISP_VERSION
LABEL org.opencontainers.image.title="wisp" \
      org.opencontainers.image.description="Playbooks as code for security automation" \
      org.opencontainers.image.version="${WISP_VERSION}" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN groupadd --system --gid 10001 wisp \
 && useradd --system --uid 10001 --gid wisp --no-create-home --home-dir /work --shell /usr/sbin/nologin wisp \
 && mkdir /work && chown wisp:wisp /work
COPY --from=unpack /opt/wisp /opt/wisp
COPY dist/src/docker/entrypoint.sh /usr/local/bin/wisp-entrypoint
ENV WISP_HOME=/opt/wisp PATH=/opt/wisp/bin:$PATH
USER wisp:wisp
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/wisp-entrypoint"]
