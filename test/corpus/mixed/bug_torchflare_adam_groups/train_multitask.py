# Idiom seen in: Atharva-Phatak/NLP-Project-LU Atharva/train_multitask.py
# What it reproduces: the torchflare ModelConfig with optimizer="Adam" and optimizer_params={"lr": 3e-5}; torchflare
#   builds Adam over the groups MultiTaskTrainer.get_model_params returns, so the 0.001 decay there is Adam's coupled L2
#   (real repo). The criterion is the sum of the three task losses.
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader
from torchflare.experiments import ModelConfig

from archs import HydraNetwork
from dataset import MultiTaskDataset
from multitask_trainer import MultiTaskTrainer

BACKBONE = "roberta-base"


def multitaskloss(outputs, targets):
    return (F.binary_cross_entropy_with_logits(outputs["is_humor"].squeeze(-1), targets["is_humor"])
            + F.binary_cross_entropy_with_logits(outputs["humor_controversy"].squeeze(-1),
                                                 targets["humor_controversy"])
            + F.mse_loss(outputs["humor_rating"].squeeze(-1), targets["humor_rating"]))


train_ds = MultiTaskDataset(csv_path="data/train.csv", backbone_name=BACKBONE, max_len=128)
val_ds = MultiTaskDataset(csv_path="data/val.csv", backbone_name=BACKBONE, max_len=128)
train_dl = DataLoader(train_ds, batch_size=16, shuffle=True)
val_dl = DataLoader(val_ds, batch_size=16, shuffle=False)

config = ModelConfig(
    nn_module=HydraNetwork,
    module_params={"model_path": BACKBONE},
    optimizer="Adam",
    optimizer_params={"lr": 3e-5},
    criterion=multitaskloss,
)

if __name__ == "__main__":
    multitask_exp = MultiTaskTrainer(num_epochs=5, seed=42, fp16=True, device="cuda")
    multitask_exp.compile_experiment(model_config=config, callbacks=None, metrics=None)
    multitask_exp.fit_loader(train_dl, val_dl)
    torch.save(multitask_exp.state.model.state_dict(), "roberta--multitask.bin")
