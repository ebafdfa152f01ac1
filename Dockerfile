# Passerelle production image: web build, Go build, small non-root runtime.
# Build: docker build -t passerelle .   Run: see docker-compose.yml.

FROM node:20-bookworm-slim AS web
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
COPY --from=web /src/frontend/dist ./frontend/dist
ARG VERSION=docker
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/passerelle ./cmd/passerelle \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/passerelle /usr/local/bin/passerelle
# The data directory (embedded S3 and search index when no service is set)
# must belong to the non-root user before the volume is mounted.
COPY --from=build --chown=65532:65532 /out/data /var/lib/passerelle
ENV PASSERELLE_ENV=production \
    PASSERELLE_HTTP_ADDR=:8080 \
    PASSERELLE_DATA_DIR=/var/lib/passerelle
USER nonroot:nonroot
VOLUME /var/lib/passerelle
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["/usr/local/bin/passerelle", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/passerelle"]
CMD ["serve"]
