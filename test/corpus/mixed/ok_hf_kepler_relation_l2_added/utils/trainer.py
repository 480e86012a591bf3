# Idiom seen in: IgoRamli/IndoKEPLER utils/trainer.py
# Idiom seen in: IgoRamli/IndoKEPLER model/modeling_kepler.py
# Idiom seen in: IgoRamli/IndoKEPLER train.py
# What it reproduces: IndoKEPLER's KeplerTrainer with an L2 on the KE head's relation embeddings added to
#   outputs["loss"] in compute_loss and returned, so the Trainer backpropagates it; TrainingArguments are built
#   without weight_decay (0.0), so the Trainer's AdamW adds no second decay. Clean.
from transformers import Trainer


class KeplerTrainer(Trainer):
    def __init__(self, *args, relation_l2=1e-5, **kwargs):
        super().__init__(*args, **kwargs)
        self.relation_l2 = relation_l2

    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        outputs = model(**inputs)
        rel_l2 = self.relation_l2 * model.ke_head.relation_embedding.weight.pow(2).sum()
        loss = outputs["loss"] + rel_l2
        if self.state.global_step % self.args.logging_steps == 0:
            self.log({"relation_l2": rel_l2.item()})
        return (loss, outputs) if return_outputs else loss
