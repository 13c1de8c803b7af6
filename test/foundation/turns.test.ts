import { Turns } from '../../cloudfunctions/host/turns'

/** Which loop turn each call ran in, counted by a setImmediate chain running beside them. */
const turnsOf = async (turns: Turns, calls: number, work: () => void): Promise<number[]> => {
  let turn = 0
  let ticking = true
  const tick = () => {
    turn++
    if (ticking) setImmediate(tick)
  }
  setImmediate(tick)
  const ran = await Promise.all(
    Array.from({ length: calls }, () =>
      turns.take().then(() => {
        work()
        return turn
      }),
    ),
  )
  ticking = false
  return ran
}

describe('Turns: a budget of calls per event-loop turn', () => {
  it('runs calls in arrival order, as many per turn as the budget holds, the rest in later turns', async () => {
    let clock = 0
    // Each call takes 3 ms of a 4 ms budget: the second call of a turn starts at 3 ms (within), the third at 6 ms (over).
    const ran = await turnsOf(new Turns(4, () => clock), 6, () => (clock += 3))
    expect(ran).toEqual([...ran].sort((a, b) => a - b))
    const perTurn = [...ran.reduce((m, t) => m.set(t, (m.get(t) ?? 0) + 1), new Map<number, number>()).values()]
    expect(perTurn).toEqual([2, 2, 2])
  })

  it('runs every call when the clock stands still (cheap calls share one turn)', async () => {
    const ran = await turnsOf(new Turns(4, () => 0), 50, () => undefined)
    expect(new Set(ran).size).toBe(1)
  })
})
