# Idiom seen in: EthanSchmitt7/TurbaNet src/turbanet/loss.py
# Idiom seen in: EthanSchmitt7/TurbaNet src/turbanet/turba_train_state.py
# What it reproduces: swarm loss functions return (loss, aux) for jax.value_and_grad(has_aux=True); a user adds an L2 weight penalty
# but returns it inside the aux tuple "for logging", so only the MSE is differentiated and the decay is dropped (WD104, user mistake).
from .turba_train_state import TurbaTrainState
from .loss import l2_loss, regularized_l2_loss, softmax_cross_entropy

__all__ = ["TurbaTrainState", "l2_loss", "regularized_l2_loss", "softmax_cross_entropy"]
