#!/usr/bin/env python3
"""Rewrites the genClasses/genEnums of cellwright.genmodel from cellwright.ecore.

EMF's generator only generates what the .genmodel lists, and GenModel.reconcile() removes stale
entries but never adds new ones. Run this after every change to the .ecore (the EMF IDE's
"Reload" does the same); the global settings at the top of the .genmodel are kept.
Usage: python3 sync-genmodel.py   (from any folder)
"""
import os
import re
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ECORE = os.path.join(HERE, "cellwright.ecore")
GENMODEL = os.path.join(HERE, "cellwright.genmodel")
XSI = "{http://www.w3.org/2001/XMLSchema-instance}type"


def gen_entries(root):
    out = []
    for c in root.findall("eClassifiers"):
        kind = c.get(XSI)
        name = c.get("name")
        if kind == "ecore:EEnum":
            out.append(f'    <genEnums typeSafeEnumCompatible="false" ecoreEnum="cellwright.ecore#//{name}">')
            for lit in c.findall("eLiterals"):
                out.append(f'      <genEnumLiterals ecoreEnumLiteral="cellwright.ecore#//{name}/{lit.get("name")}"/>')
            out.append("    </genEnums>")
        elif kind == "ecore:EDataType":
            out.append(f'    <genDataTypes ecoreDataType="cellwright.ecore#//{name}"/>')
    for c in root.findall("eClassifiers"):
        if c.get(XSI) != "ecore:EClass":
            continue
        name = c.get("name")
        attrs = ' image="false"' if c.get("abstract") == "true" or c.get("interface") == "true" else ""
        out.append(f'    <genClasses{attrs} ecoreClass="cellwright.ecore#//{name}">')
        for f in c.findall("eStructuralFeatures"):
            fk = f.get(XSI)
            fname = f.get("name")
            if fk == "ecore:EAttribute":
                out.append(f'      <genFeatures createChild="false" ecoreFeature="ecore:EAttribute cellwright.ecore#//{name}/{fname}"/>')
            elif f.get("containment") == "true":
                out.append(f'      <genFeatures property="None" children="true" createChild="true" ecoreFeature="ecore:EReference cellwright.ecore#//{name}/{fname}"/>')
            else:
                out.append(f'      <genFeatures notify="false" createChild="false" propertySortChoices="true" ecoreFeature="ecore:EReference cellwright.ecore#//{name}/{fname}"/>')
        for op in c.findall("eOperations"):
            out.append(f'      <genOperations ecoreOperation="cellwright.ecore#//{name}/{op.get("name")}"/>')
        out.append("    </genClasses>")
    return out


def main():
    root = ET.parse(ECORE).getroot()
    text = open(GENMODEL, encoding="utf-8").read()
    start = re.search(r"<genPackages[^>]*>", text, re.S)
    end = text.index("</genPackages>")
    body = "\n".join(gen_entries(root))
    new = text[: start.end()] + "\n" + body + "\n  " + text[end:]
    with open(GENMODEL, "w", encoding="utf-8") as f:
        f.write(new)
    print(f"{GENMODEL}: {body.count('<genClasses')} classes, {body.count('<genEnums')} enums")


if __name__ == "__main__":
    main()
