# Idiom seen in: valeoai/SP4ASC sp4asc/training.py
# What it reproduces: the TrainingManager that receives the optimizer built in train.py; the loss it
#   back-propagates is the mixup cross-entropy only (no extra penalty).
import torch
import torch.nn.functional as F


class CELoss:
    def __call__(self, pred, target):
        pred = F.log_softmax(pred, dim=1)
        return -(pred * target).sum(1).mean()


class MixUp:
    def __init__(self, alpha, nb_classes):
        self.nb_classes = nb_classes
        self.beta = None if alpha is None else torch.distributions.beta.Beta(alpha, alpha)
        self.training = True

    def __call__(self, x, target):
        target = F.one_hot(target, num_classes=self.nb_classes).float()
        if self.beta is not None and self.training:
            ind = torch.randperm(x.shape[0])
            mix = self.beta.sample()
            x = x * mix + x[ind] * (1 - mix)
            target = target * mix + target[ind] * (1 - mix)
        return x, target


class TrainingManager:
    def __init__(self, net, spectrogram, loader_train, loader_test, optim, scheduler, config, path_to_ckpt,
                 nb_classes=10):
        self.optim = optim
        self.scheduler = scheduler
        self.max_epoch = config["max_epoch"]
        self.loader_train = loader_train
        self.loader_test = loader_test
        self.dev = "cuda" if torch.cuda.is_available() else "cpu"
        self.net = net.to(self.dev)
        self.spectrogram = spectrogram.to(self.dev).eval()
        self.loss = CELoss()
        self.mixup = MixUp(alpha=config["mixup_alpha"], nb_classes=nb_classes)
        self.path_to_ckpt = path_to_ckpt + "/ckpt.pth"
        self.current_epoch = 0

    def one_epoch(self, training):
        self.net.train(training)
        self.mixup.training = training
        loader = self.loader_train if training else self.loader_test
        running_loss = 0.0
        for it, (sound, gt_class) in enumerate(loader):
            sound, gt_class = sound.to(self.dev), gt_class.to(self.dev)
            with torch.no_grad():
                sound, gt_class = self.mixup(self.spectrogram(sound), gt_class)
            if training:
                self.optim.zero_grad()
            pred_class = self.net(sound)
            loss_class = self.loss(pred_class, gt_class)
            if training:
                loss_class.backward()
                self.optim.step()
            running_loss += loss_class.item()
        print("Epoch %d %s loss %.3f" % (self.current_epoch, "train" if training else "test",
                                          running_loss / (it + 1)))

    def train(self):
        for _ in range(self.current_epoch, self.max_epoch):
            self.one_epoch(training=True)
            self.scheduler.step()
            with torch.no_grad():
                self.one_epoch(training=False)
            self.current_epoch += 1
            torch.save({"net": self.net.state_dict(), "optim": self.optim.state_dict()}, self.path_to_ckpt)
