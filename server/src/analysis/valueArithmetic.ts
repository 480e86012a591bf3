// Arithmetic on abstract values.
import { factorOf, type Factor, type Site, type Tag, type Value } from './values';

/** `a * b`: an l2 form times a factor is a decay term; numbers multiply; anything else passes through. */
export function multiply(left: Value, right: Value, at: Site): Value {
  const out: Tag[] = [];
  const scaleBy = (value: Value, factor: Factor) => {
    for (const tag of value) {
      if (tag.k === 'l2') out.push({ k: 'decay', term: { factor, gradScale: tag.gradScale, l2Site: tag.site, parametersOf: tag.parametersOf } });
      else if (tag.k === 'decay') out.push({ k: 'decay', term: { ...tag.term, factor: productFactor(tag.term.factor, factor, at) } });
      else if (tag.k !== 'num' && tag.k !== 'param') out.push(tag);
    }
  };
  scaleBy(left, factorOf(right));
  scaleBy(right, factorOf(left));
  const leftFactor = factorOf(left);
  const rightFactor = factorOf(right);
  if (leftFactor.k === 'num' && rightFactor.k === 'num') out.push({ k: 'num', value: leftFactor.value * rightFactor.value, site: at });
  return out;
}

function productFactor(a: Factor, b: Factor, at: Site): Factor {
  if (a.k === 'num' && b.k === 'num') return { k: 'num', value: a.value * b.value, site: at };
  return { k: 'unknown' };
}

