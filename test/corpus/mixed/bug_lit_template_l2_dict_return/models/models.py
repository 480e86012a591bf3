# Idiom seen in: kiaraesguerra/lightning-template utils/train_utils.py
# Idiom seen in: kiaraesguerra/lightning-template optimizers/sgd.py
# What it reproduces: the repo SGD factory decays all of model.parameters() of a BatchNorm ResNet (WD203, as in the repo); a user adds an
# explicit L2 penalty in training_step but returns it as an extra dict key next to "loss", so Lightning never trains on it (WD104, user mistake).
import torchvision


def get_model(args):
    if args.model == "resnet18":
        return torchvision.models.resnet18(num_classes=args.num_classes)
    raise ValueError(f"Invalid model name: {args.model}")
