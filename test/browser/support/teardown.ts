import { removeTemplate } from './seedTemplate'

export default function teardown(): void {
  removeTemplate()
}
