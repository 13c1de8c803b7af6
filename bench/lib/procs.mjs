import { spawn } from 'node:child_process'
import { openSync, closeSync, readFileSync } from 'node:fs'

/**
 * Every process the bench starts, so each one is stopped even when a step throws or the run is
 * interrupted. Children lead their own process group: taro and the host spawn workers of their own,
 * and stopping the group stops those too.
 */
export class Procs {
  #live = new Set()

  /** Runs a command to completion with its output in `log`; throws with the log's tail on failure. */
  async run(cmd, args, { cwd, env, log }) {
    const child = this.start(cmd, args, { cwd, env, log })
    const code = await new Promise((resolve) => child.once('exit', (status, signal) => resolve(status ?? signal)))
    if (code !== 0) throw new Error(`${[cmd, ...args].join(' ')} (in ${cwd}) exited with ${code}; log ${log}:\n${excerpt(log)}`)
  }

  /** Starts a long-running command; stop it with `stop(child)` or `stopAll()`. */
  start(cmd, args, { cwd, env, log }) {
    const fd = openSync(log, 'a')
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', fd, fd], detached: true })
    closeSync(fd)
    this.#live.add(child)
    child.once('exit', () => this.#live.delete(child))
    return child
  }

  async stop(child) {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    signalGroup(child, 'SIGTERM')
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
  }

  async stopAll() {
    await Promise.all([...this.#live].map((child) => this.stop(child)))
  }

  /** For a synchronous exit path (signal handlers): no waiting, straight to SIGKILL. */
  killAllNow() {
    for (const child of this.#live) signalGroup(child, 'SIGKILL')
  }
}

const signalGroup = (child, signal) => {
  try {
    process.kill(-child.pid, signal)
  } catch {
    // Already gone.
  }
}

const readLog = (log) => {
  try {
    // Progress bars redraw with escape codes; strip them so the log reads as text.
    return readFileSync(log, 'utf8').replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').split('\n').filter((line) => line.trim() !== '')
  } catch {
    return ['(no log)']
  }
}

export const tail = (log, count = 15) => readLog(log).slice(-count).join('\n')

/** The first error lines (webpack puts the cause first, then pages of resolution detail) and the end. */
export const excerpt = (log) => {
  const lines = readLog(log)
  const errors = lines.filter((line) => /error|错误|找不到|failed/i.test(line)).slice(0, 5)
  return [...new Set([...errors, ...lines.slice(-5)])].join('\n')
}

/** A /proc/<pid>/status figure in bytes (VmRSS now, VmHWM the peak); NaN when it cannot be read. */
export const status = (pid, field) => {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return match ? Number(match[1]) * 1024 : NaN
}

/** True once the URL answers 2xx; false while nothing listens yet. */
export const answers = async (url) => {
  try {
    return (await fetch(url)).ok
  } catch {
    return false
  }
}
