# Idiom seen in: IgoRamli/IndoKEPLER utils/trainer.py
# Idiom seen in: IgoRamli/IndoKEPLER model/modeling_kepler.py
# Idiom seen in: IgoRamli/IndoKEPLER train.py
# What it reproduces: IndoKEPLER's KeplerTrainer (a Hugging Face Trainer whose compute_loss returns outputs["loss"]).
#   Realistic mistake: an L2 on the KE head's relation embeddings is computed in compute_loss and passed to
#   self.log, but the returned loss is still outputs["loss"], so the Trainer never backpropagates it.
from transformers import Trainer


class KeplerTrainer(Trainer):
    def __init__(self, *args, relation_l2=1e-5, **kwargs):
        super().__init__(*args, **kwargs)
        self.relation_l2 = relation_l2

    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        outputs = model(**inputs)
        loss = outputs["loss"]
        rel_l2 = self.relation_l2 * model.ke_head.relation_embedding.weight.pow(2).sum()  # expect: WD104
        if self.state.global_step % self.args.logging_steps == 0:
            self.log({"relation_l2": rel_l2.item()})
        return (loss, outputs) if return_outputs else loss
