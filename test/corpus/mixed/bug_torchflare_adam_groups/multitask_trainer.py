# Idiom seen in: Atharva-Phatak/NLP-Project-LU Atharva/multitask_trainer.py
# Idiom seen in: Atharva-Phatak/NLP-Project-LU Atharva/train_multitask.py
# What it reproduces: a torchflare Experiment subclass overriding get_model_params(optimizer) with the BERT-style
#   groups (weight_decay 0.001 except biases/LayerNorm); as in the repo, train_multitask.py asks torchflare for
#   optimizer="Adam", so the decayed group gets coupled L2 under Adam rather than AdamW's decoupled decay.
from torchflare.experiments import Experiment


class MultiTaskTrainer(Experiment):
    def get_model_params(self, optimizer):
        param_optimizer = list(self.state.model.named_parameters())

        no_decay = ["bias", "LayerNorm.bias", "LayerNorm.weight"]
        optimizer_parameters = [
            {
                "params": [p for n, p in param_optimizer if not any(nd in n for nd in no_decay)],
                "weight_decay": 0.001,  # expect: WD202
            },
            {
                "params": [p for n, p in param_optimizer if any(nd in n for nd in no_decay)],
                "weight_decay": 0.0,
            },
        ]
        return optimizer_parameters
