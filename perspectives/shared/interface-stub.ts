// A declaration with nothing to run (a Protocol method, an @overload or @abstractmethod stub) is not code
// a test can reach: no perspective calls it untested.
import type { FunctionDecl, ModuleModel } from '../../src/model/types.js'

const STUB_DECORATORS = /(^|\.)(overload|abstractmethod|abstractproperty)$/

/**
 * A declaration with nothing to run: a method of a `typing.Protocol` class, an `@overload` /
 * `@abstractmethod` stub, a method whose body only raises NotImplementedError / throws "not
 * implemented" (abstract in all but name), or one whose body does nothing (a hook left for
 * subclasses: `def send_data(self, data): pass`, judged a false gap on h11). Nothing can test it (judged false on structlog, where a
 * Protocol's `aerror` stub was called untested while its implementations are covered).
 */
export function isInterfaceStub(module: ModuleModel, fn: FunctionDecl): boolean {
  if ((fn.decorators ?? []).some((d) => STUB_DECORATORS.test(d.replace(/\(.*$/s, '').trim())))
    return true
  if (!fn.className) return false
  if (fn.raisesNotImplemented || fn.emptyBody) return true
  const cls = module.classes.find((c) => c.name === fn.className)
  return !!cls?.bases.some((b) => /(^|\.)Protocol(\[.*\])?$/.test(b.trim()))
}
