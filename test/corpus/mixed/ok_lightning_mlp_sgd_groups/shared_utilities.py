# Idiom seen in: Lightning-AI/dl-fundamentals unit06-dl-tips/6.5-hparam-opt/6.5-part3-cli-configurable/shared_utilities.py
# Idiom seen in: Lightning-AI/dl-fundamentals unit06-dl-tips/6.5-hparam-opt/6.5-part3-cli-configurable/mlp_cli2.py
# What it reproduces: the course's LightningModel2 driven by LightningCLI, with weight decay moved into
#   configure_optimizers as SGD parameter groups (Linear weights decayed, biases at 0.0); training_step returns the
#   cross entropy and there is no hand-written penalty. Clean.
import lightning as L
import torch
import torch.nn.functional as F
import torchmetrics


class PyTorchMLP2(torch.nn.Module):
    def __init__(self, num_features, hidden_units, num_classes):
        super().__init__()
        all_layers = []
        for hidden_unit in hidden_units:
            all_layers.append(torch.nn.Linear(num_features, hidden_unit))
            all_layers.append(torch.nn.ReLU())
            num_features = hidden_unit
        all_layers.append(torch.nn.Linear(in_features=hidden_units[-1], out_features=num_classes))
        self.layers = torch.nn.Sequential(*all_layers)

    def forward(self, x):
        x = torch.flatten(x, start_dim=1)
        return self.layers(x)


class LightningModel2(L.LightningModule):
    def __init__(self, model=None, hidden_units=None, learning_rate=None, weight_decay=1e-4):
        super().__init__()
        self.learning_rate = learning_rate
        self.hidden_units = hidden_units
        self.weight_decay = weight_decay
        if model is None:
            self.model = PyTorchMLP2(num_features=100, hidden_units=hidden_units, num_classes=2)
        else:
            self.model = model
        self.save_hyperparameters(ignore=["model"])
        self.train_acc = torchmetrics.Accuracy(task="multiclass", num_classes=2)
        self.val_acc = torchmetrics.Accuracy(task="multiclass", num_classes=2)

    def forward(self, x):
        return self.model(x)

    def _shared_step(self, batch):
        features, true_labels = batch
        logits = self(features)
        loss = F.cross_entropy(logits, true_labels)
        predicted_labels = torch.argmax(logits, dim=1)
        return loss, true_labels, predicted_labels

    def training_step(self, batch, batch_idx):
        loss, true_labels, predicted_labels = self._shared_step(batch)
        self.log("train_loss", loss)
        self.train_acc(predicted_labels, true_labels)
        self.log("train_acc", self.train_acc, prog_bar=True, on_epoch=True, on_step=False)
        return loss

    def validation_step(self, batch, batch_idx):
        loss, true_labels, predicted_labels = self._shared_step(batch)
        self.log("val_loss", loss, prog_bar=True)
        self.val_acc(predicted_labels, true_labels)
        self.log("val_acc", self.val_acc, prog_bar=True)

    def configure_optimizers(self):
        decay = [p for n, p in self.named_parameters() if n.endswith("weight")]
        no_decay = [p for n, p in self.named_parameters() if n.endswith("bias")]
        optimizer = torch.optim.SGD(
            [{"params": decay, "weight_decay": self.weight_decay},
             {"params": no_decay, "weight_decay": 0.0}],
            lr=self.learning_rate, momentum=0.9)
        return optimizer
