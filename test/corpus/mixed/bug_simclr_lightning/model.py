# Idiom seen in: nicikess/master-thesis src/master_thesis_benge_self_supervised_learning/model/model.py
# What it reproduces: SimCLR LightningModule whose param-group helper excludes only names containing 'bn'
# (biases only for LARS), then builds torch Adam from the groups: coupled L2 under Adam, and biases plus the
# projection head's BatchNorm1d (named 'projection.1') still decay.
import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
from pl_bolts.optimizers.lr_scheduler import LinearWarmupCosineAnnealingLR
from torch.optim import Adam


class AddProjection(nn.Module):
    def __init__(self, config, model=None, mlp_dim=512):
        super().__init__()
        embedding_size = config.embedding_size
        self.backbone = model if model is not None else torchvision.models.resnet18(pretrained=False)
        mlp_dim = mlp_dim or self.backbone.fc.in_features
        self.backbone.fc = nn.Identity()
        self.projection = nn.Sequential(
            nn.Linear(in_features=mlp_dim, out_features=mlp_dim),
            nn.BatchNorm1d(mlp_dim),
            nn.ReLU(),
            nn.Linear(in_features=mlp_dim, out_features=embedding_size),
            nn.BatchNorm1d(embedding_size),
        )

    def forward(self, x, return_embedding=False):
        embedding = self.backbone(x)
        if return_embedding:
            return embedding
        return self.projection(embedding)


class ContrastiveLoss(nn.Module):
    def __init__(self, batch_size, temperature=0.5):
        super().__init__()
        self.batch_size = batch_size
        self.temperature = temperature

    def forward(self, proj_1, proj_2):
        z = F.normalize(torch.cat([proj_1, proj_2], dim=0), dim=1)
        sim = z @ z.t() / self.temperature
        n = proj_1.shape[0]
        sim.fill_diagonal_(-1e9)
        targets = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)]).to(z.device)
        return F.cross_entropy(sim, targets)


class SimCLR_pl(pl.LightningModule):
    def __init__(self, config, model=None, feat_dim=512):
        super().__init__()
        self.config = config
        self.model = AddProjection(config, model=model, mlp_dim=feat_dim)
        self.loss = ContrastiveLoss(config.batch_size, temperature=config.temperature)

    def forward(self, X):
        return self.model(X)

    def training_step(self, batch, batch_idx):
        (x1, x2), labels = batch
        z1 = self.model(x1)
        z2 = self.model(x2)
        loss = self.loss(z1, z2)
        self.log("Contrastive loss", loss, on_step=True, on_epoch=True, prog_bar=True, logger=True)
        return loss

    @staticmethod
    def define_param_groups(model, weight_decay, optimizer_name):
        def exclude_from_wd_and_adaptation(name):
            if "bn" in name:
                return True
            if optimizer_name == "lars" and "bias" in name:
                return True

        param_groups = [
            {
                "params": [  # expect: WD203
                    p
                    for name, p in model.named_parameters()
                    if not exclude_from_wd_and_adaptation(name)
                ],
                "weight_decay": weight_decay,  # expect: WD202
                "layer_adaptation": True,
            },
            {
                "params": [
                    p
                    for name, p in model.named_parameters()
                    if exclude_from_wd_and_adaptation(name)
                ],
                "weight_decay": 0.0,
                "layer_adaptation": False,
            },
        ]
        return param_groups

    def configure_optimizers(self):
        max_epochs = int(self.config.epochs)
        param_groups = self.define_param_groups(self.model, self.config.weight_decay, "adam")
        lr = self.config.lr
        optimizer = Adam(param_groups, lr=lr, weight_decay=self.config.weight_decay)
        scheduler_warmup = LinearWarmupCosineAnnealingLR(
            optimizer, warmup_epochs=10, max_epochs=max_epochs, warmup_start_lr=0.0)
        return [optimizer], [scheduler_warmup]
