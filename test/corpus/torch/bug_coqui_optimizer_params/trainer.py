# Idiom seen in: coqui-ai/TTS TTS/utils/generic_utils.py
# Idiom seen in: coqui-ai/TTS TTS/trainer.py
# What it reproduces: get_optimizer(name, params, lr, parameters) resolving the class with
#   getattr(torch.optim, name) and splatting the config's optimizer_params; with "RAdam" that is
#   torch.optim.RAdam, whose weight_decay is coupled L2 (the user's fork dropped Coqui's own decoupled
#   RAdam), and it is given every parameter of the model, biases and norms included.
import torch

from configs.tacotron2_config import Tacotron2Config
from TTS.tts.datasets import load_tts_samples
from TTS.tts.models.tacotron2 import Tacotron2


def get_optimizer(optimizer_name, optimizer_params, lr, parameters):
    optimizer = getattr(torch.optim, optimizer_name)
    return optimizer(parameters, lr=lr, **optimizer_params)


class Trainer:
    def __init__(self, config, model, train_samples):
        self.config = config
        self.model = model
        self.train_samples = train_samples
        self.optimizer = get_optimizer(parameters=self.model.parameters(), optimizer_name=self.config.optimizer,  # expect: WD203
                                       optimizer_params=self.config.optimizer_params, lr=self.config.lr)
        self.scheduler = torch.optim.lr_scheduler.LambdaLR(
            self.optimizer, lambda step: min((step + 1) ** -0.5, (step + 1) * 4000 ** -1.5) * 4000 ** 0.5)

    def train_step(self, batch):
        outputs, loss_dict = self.model.train_step(batch)
        self.optimizer.zero_grad()
        loss_dict["loss"].backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.config.grad_clip)
        self.optimizer.step()
        self.scheduler.step()
        return loss_dict

    def fit(self):
        loader = self.model.get_data_loader(self.config, self.train_samples)
        for epoch in range(self.config.epochs):
            for batch in loader:
                loss_dict = self.train_step(batch)
            print("epoch", epoch, {k: float(v) for k, v in loss_dict.items()})


def main():
    config = Tacotron2Config()
    train_samples, _ = load_tts_samples("ljspeech", eval_split=True)
    model = Tacotron2(config)
    trainer = Trainer(config, model, train_samples)
    trainer.fit()


if __name__ == "__main__":
    main()
