package blob_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"passerelle/internal/blob"
	"passerelle/internal/blob/blobtest"
)

const (
	memUploadSize = 200 << 20
	// memRSSBound is the most the process may grow while uploading 200 MiB
	// of unknown length: the 8 MiB first chunk, copy buffers, HTTP
	// buffers, and, for the embedded server, its side too.
	memRSSBound = 64 << 20
)

// TestStreamedUpload200MiBMemory uploads 200 MiB of unknown length,
// generated on the fly, and checks that memory stays bounded while it is
// spooled and sent.
func TestStreamedUpload200MiBMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("uploads 200 MiB twice; skipped with -short")
	}
	t.Run("embedded", func(t *testing.T) {
		measureUpload(t, "embedded server", newStore(t, startEmbedded(t), "embedded", "embedded-secret"))
	})
	t.Run("versitygw", func(t *testing.T) {
		measureUpload(t, "versitygw", newStore(t, startVersitygw(t), vgwAccessKey, vgwSecretKey))
	})
}

func measureUpload(t *testing.T, server string, s *blob.Store) {
	const seed = 200
	key := "memory/upload.bin"

	runtime.GC()
	debug.FreeOSMemory()
	sampler := startMemSampler()
	start := time.Now()
	_, err := s.Put(t.Context(), key, blobtest.NewRandomReader(seed, memUploadSize), blob.PutOptions{Size: -1})
	elapsed := time.Since(start)
	peak := sampler.stop()
	if err != nil {
		t.Fatalf("Put: %v", err)
	}

	line := fmt.Sprintf("blob: 200 MiB streamed upload to %s: peak heap growth %.1f MiB, peak sys growth %.1f MiB, "+
		"RSS growth %.1f MiB (bound %d MiB), %.1f s",
		server, mib(peak.heap), mib(peak.sys), mib(peak.rss), memRSSBound>>20, elapsed.Seconds())
	t.Log(line)
	fmt.Println(line)
	if peak.rss > memRSSBound {
		t.Errorf("RSS grew by %.1f MiB, over the %d MiB bound", mib(peak.rss), memRSSBound>>20)
	}

	rc, obj, err := s.Get(t.Context(), key)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	defer rc.Close()
	n, sum := blobtest.Digest(rc)
	if want := blobtest.RandomSHA256(seed, memUploadSize); n != memUploadSize || obj.Size != memUploadSize || sum != want {
		t.Errorf("read back %d bytes (object size %d, sha256 %s), want %d bytes with sha256 %s",
			n, obj.Size, sum, memUploadSize, want)
	}
	if err := s.Delete(context.WithoutCancel(t.Context()), key); err != nil {
		t.Errorf("Delete: %v", err)
	}
}

func mib(b int64) float64 { return float64(b) / (1 << 20) }

// memGrowth holds peak growths over the baseline, in bytes.
type memGrowth struct{ heap, sys, rss int64 }

// memSampler samples the Go runtime's memory and the process RSS every
// 10 ms in a goroutine, keeping the peaks.
type memSampler struct {
	base    memGrowth // absolute values at start
	peak    memGrowth // absolute peaks
	done    chan struct{}
	wg      sync.WaitGroup
	samples []metrics.Sample
}

func startMemSampler() *memSampler {
	m := &memSampler{
		done: make(chan struct{}),
		samples: []metrics.Sample{
			// HeapInuse = heap objects + heap unused; StackInuse = stacks.
			{Name: "/memory/classes/heap/objects:bytes"},
			{Name: "/memory/classes/heap/unused:bytes"},
			{Name: "/memory/classes/heap/stacks:bytes"},
			{Name: "/memory/classes/total:bytes"}, // Sys
		},
	}
	// Reset the kernel's peak RSS (VmHWM) so that spikes between two samples
	// are caught too; if not allowed, sampling alone remains.
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	m.base = m.read()
	m.peak = m.base
	m.wg.Go(func() {
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-m.done:
				return
			case <-tick.C:
				m.observe(m.read())
			}
		}
	})
	return m
}

func (m *memSampler) read() memGrowth {
	metrics.Read(m.samples)
	var g memGrowth
	g.heap = int64(m.samples[0].Value.Uint64() + m.samples[1].Value.Uint64() + m.samples[2].Value.Uint64())
	g.sys = int64(m.samples[3].Value.Uint64())
	g.rss, _ = procStatus("VmRSS:")
	return g
}

func (m *memSampler) observe(g memGrowth) {
	m.peak.heap = max(m.peak.heap, g.heap)
	m.peak.sys = max(m.peak.sys, g.sys)
	m.peak.rss = max(m.peak.rss, g.rss)
}

// stop ends sampling and returns the peak growths.
func (m *memSampler) stop() memGrowth {
	close(m.done)
	m.wg.Wait()
	m.observe(m.read())
	if hwm, err := procStatus("VmHWM:"); err == nil {
		m.peak.rss = max(m.peak.rss, hwm)
	}
	return memGrowth{
		heap: m.peak.heap - m.base.heap,
		sys:  m.peak.sys - m.base.sys,
		rss:  m.peak.rss - m.base.rss,
	}
}

// procStatus reads one "kB" field of /proc/self/status, in bytes.
func procStatus(field string) (int64, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10, err
		}
	}
	return 0, fmt.Errorf("%s not in /proc/self/status", field)
}
