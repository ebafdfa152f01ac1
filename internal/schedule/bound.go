package schedule

import (
	"container/heap"
	"math"
)

// UpperBound is the weight of the fractional b-matching relaxation of
// inst (shared/bench/scheduler/README.md): each delegate in at most as many
// meetings as they have available slots, each request met at most once, at
// most tables × slots meetings in all, slots and locks otherwise ignored.
// No valid schedule weighs more.
//
// It is computed exactly, as half the maximum-weight b-matching of the
// bipartite double cover (every delegate on both sides, every request as
// two unit edges a→b and b→a, at most 2 × tables × slots edges in all): a
// min-cost flow by the primal-dual method, whose phases are few because
// weights are 1 to 3. inst must pass Check.
func UpperBound(inst Instance) float64 {
	p := newProblem(inst)
	g := newFlowGraph(2*p.nD + 3)
	source, hub, sink := 2*p.nD, 2*p.nD+1, 2*p.nD+2
	g.edge(source, hub, int64(2*p.tables*p.nS), 0)
	for d := range p.nD {
		slots := int64(0)
		for s := range p.nS {
			if p.avail[d*p.nS+s] {
				slots++
			}
		}
		g.edge(hub, d, slots, 0)
		g.edge(p.nD+d, sink, slots, 0)
	}
	for r := range p.nR {
		g.edge(p.a[r], p.nD+p.b[r], 1, -int64(p.w[r]))
		g.edge(p.b[r], p.nD+p.a[r], 1, -int64(p.w[r]))
	}
	// The graph has no cycle: potentials from the longest weights make every
	// reduced cost non-negative.
	for r := range p.nR {
		for _, v := range [2]int{p.nD + p.b[r], p.nD + p.a[r]} {
			g.pot[v] = min(g.pot[v], -int64(p.w[r]))
		}
	}
	for d := range p.nD {
		g.pot[sink] = min(g.pot[sink], g.pot[p.nD+d])
	}
	return float64(-g.minCostFlow(source, sink)) / 2
}

// flowGraph is a residual graph for the min-cost flow: edge i and its
// reverse i^1.
type flowGraph struct {
	head, next, to []int
	cap, cost      []int64
	pot, dist      []int64
	level, iter    []int
}

func newFlowGraph(n int) *flowGraph {
	g := &flowGraph{head: make([]int, n), pot: make([]int64, n), dist: make([]int64, n), level: make([]int, n), iter: make([]int, n)}
	for i := range g.head {
		g.head[i] = -1
	}
	return g
}

func (g *flowGraph) edge(u, v int, capacity, cost int64) {
	g.to = append(g.to, v, u)
	g.cap = append(g.cap, capacity, 0)
	g.cost = append(g.cost, cost, -cost)
	g.next = append(g.next, g.head[u], g.head[v])
	g.head[u], g.head[v] = len(g.to)-2, len(g.to)-1
}

func (g *flowGraph) reduced(e, u int) int64 { return g.cost[e] + g.pot[u] - g.pot[g.to[e]] }

// minCostFlow sends flow from s to t as long as a path of negative cost
// remains, and returns the total cost. Each phase finds shortest distances
// (Dijkstra on reduced costs), then a blocking flow on the edges of reduced
// cost zero (Dinic).
func (g *flowGraph) minCostFlow(s, t int) int64 {
	total := int64(0)
	for {
		const inf = math.MaxInt64 / 4
		for i := range g.dist {
			g.dist[i] = inf
		}
		g.dist[s] = 0
		q := &nodeQueue{{s, 0}}
		for q.Len() > 0 {
			it := heap.Pop(q).(queued)
			u := it.node
			if it.dist > g.dist[u] {
				continue
			}
			for e := g.head[u]; e >= 0; e = g.next[e] {
				if g.cap[e] > 0 {
					if d := g.dist[u] + g.reduced(e, u); d < g.dist[g.to[e]] {
						g.dist[g.to[e]] = d
						heap.Push(q, queued{g.to[e], d})
					}
				}
			}
		}
		if g.dist[t] >= inf {
			return total
		}
		for v := range g.pot {
			g.pot[v] += min(g.dist[v], g.dist[t])
		}
		pathCost := g.pot[t] - g.pot[s]
		if pathCost >= 0 {
			return total
		}
		for g.levels(s, t) {
			for i := range g.iter {
				g.iter[i] = g.head[i]
			}
			for {
				f := g.push(s, t, math.MaxInt64)
				if f == 0 {
					break
				}
				total += f * pathCost
			}
		}
	}
}

// levels is Dinic's breadth-first pass over the admissible edges (residual
// capacity, reduced cost zero); it reports whether t is reached.
func (g *flowGraph) levels(s, t int) bool {
	for i := range g.level {
		g.level[i] = -1
	}
	g.level[s] = 0
	queue := []int{s}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for e := g.head[u]; e >= 0; e = g.next[e] {
			if v := g.to[e]; g.cap[e] > 0 && g.level[v] < 0 && g.reduced(e, u) == 0 {
				g.level[v] = g.level[u] + 1
				queue = append(queue, v)
			}
		}
	}
	return g.level[t] >= 0
}

func (g *flowGraph) push(u, t int, limit int64) int64 {
	if u == t {
		return limit
	}
	for ; g.iter[u] >= 0; g.iter[u] = g.next[g.iter[u]] {
		e := g.iter[u]
		v := g.to[e]
		if g.cap[e] > 0 && g.level[v] == g.level[u]+1 && g.reduced(e, u) == 0 {
			if f := g.push(v, t, min(limit, g.cap[e])); f > 0 {
				g.cap[e] -= f
				g.cap[e^1] += f
				return f
			}
		}
	}
	return 0
}

type queued struct {
	node int
	dist int64
}

// nodeQueue is Dijkstra's priority queue.
type nodeQueue []queued

func (q nodeQueue) Len() int           { return len(q) }
func (q nodeQueue) Less(i, j int) bool { return q[i].dist < q[j].dist }
func (q nodeQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *nodeQueue) Push(x any)        { *q = append(*q, x.(queued)) }
func (q *nodeQueue) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}
