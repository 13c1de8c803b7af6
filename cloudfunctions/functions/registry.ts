import type { FunctionDef } from './define'
import ping from './ping'
import home from './home'
import bindShop from './bindShop'

/** Every deployable function. The local host serves these; the bundler deploys these. */
export const functions: FunctionDef[] = [ping, home, bindShop]
