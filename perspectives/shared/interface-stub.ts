// A declaration with nothing to run (a Protocol method, an @overload or @abstractmethod stub) is not code
// a test can reach: no perspective calls it untested.
import type { FunctionDecl, ModuleModel } from '../../src/model/types.js'

const STUB_DECORATORS = /(^|\.)(overload|abstractmethod|abstractproperty)$/

/**
 * A declaration with nothing to run: a method of a `typing.Protocol` class, an `@overload` /
 * `@abstractmethod` stub, or a method whose body only raises NotImplementedError / throws "not
 * implemented" (abstract in all but name). Nothing can test it (judged false on structlog, where a
 * Protocol's `aerror` stub was called untested while its implementations are covered).
 */
export function isInterfaceStub(module: ModuleModel, fn: FunctionDecl): boolean {
  if ((fn.decorators ?? []).some((d) => STUB_DECORATORS.test(d.replace(/\(.*$/s, '').trim())))
    return true
  if (!fn.className) return false
  if (fn.raisesNotImplemented) return true
  const cls = module.classes.find((c) => c.name === fn.className)
  return !!cls?.bases.some((b) => /(^|\.)Protocol(\[.*\])?$/.test(b.trim()))
}
