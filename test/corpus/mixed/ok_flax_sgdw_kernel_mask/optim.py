# Idiom seen in: repository not resolved by the code index (index file id 32713046696: an optax helper module
#   with warmup_linear_decay_schedule, a copy of optax's _scale_by_learning_rate and
#   `sgdw(learning_rate, momentum, nesterov, accumulator_dtype, weight_decay=None, mask=None)`)
# What it reproduces: SGD with decoupled weight decay written as an optax chain: momentum trace, then
#   add_decayed_weights(weight_decay, mask) only when a decay is given, then the learning-rate scaling.
#   The "decay" in warmup_linear_decay_schedule is the learning-rate schedule, not weight decay.
# label-note: clean program. The `if weight_decay` guard is not a WD303 case: train.py calls sgdw with
#   5e-4. The mask comes from the caller (kernels only), so no WD203; momentum SGD, not adaptive: no WD202.
from optax import (add_decayed_weights, chain, identity, join_schedules, linear_schedule, scale,
                   scale_by_schedule, trace)


def warmup_linear_decay_schedule(init_value, peak_value, warmup_steps, decay_steps, end_value=0.0):
    schedules = [
        linear_schedule(init_value=init_value, end_value=peak_value, transition_steps=warmup_steps),
        linear_schedule(init_value=peak_value, end_value=end_value, transition_steps=decay_steps - warmup_steps),
    ]
    return join_schedules(schedules, [warmup_steps])


def _scale_by_learning_rate(learning_rate, flip_sign=True):
    m = -1 if flip_sign else 1
    if callable(learning_rate):
        return scale_by_schedule(lambda count: m * learning_rate(count))
    return scale(m * learning_rate)


def sgdw(learning_rate, momentum=None, nesterov=False, accumulator_dtype=None, weight_decay=None, mask=None):
    return chain(
        (trace(decay=momentum, nesterov=nesterov, accumulator_dtype=accumulator_dtype)
         if momentum is not None else identity()),
        (add_decayed_weights(weight_decay, mask) if weight_decay else identity()),
        _scale_by_learning_rate(learning_rate),
    )
