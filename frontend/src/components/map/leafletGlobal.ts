import L from 'leaflet'

// leaflet.markercluster is a UMD script that extends the global L: give it
// the bundled Leaflet before it is imported (imports run in order).
;(globalThis as unknown as { L: typeof L }).L = L

export default L
